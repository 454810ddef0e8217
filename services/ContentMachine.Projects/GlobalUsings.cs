global using ContentMachine.Projects.Apis;
global using ContentMachine.Projects.Infrastructure;
global using ContentMachine.Projects.Model;
global using Microsoft.EntityFrameworkCore;
