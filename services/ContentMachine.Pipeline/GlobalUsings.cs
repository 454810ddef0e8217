global using ContentMachine.Pipeline.Apis;
global using ContentMachine.Pipeline.Infrastructure;
global using ContentMachine.Pipeline.Model;
global using Microsoft.EntityFrameworkCore;
