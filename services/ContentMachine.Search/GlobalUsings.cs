global using ContentMachine.Search.Apis;
global using ContentMachine.Search.Infrastructure;
global using ContentMachine.Search.Model;
global using Microsoft.EntityFrameworkCore;
