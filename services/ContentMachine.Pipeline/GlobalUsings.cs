global using ContentMachine.Pipeline.Apis;
global using ContentMachine.Pipeline.Infrastructure;
global using ContentMachine.Pipeline.Model;
global using Microsoft.EntityFrameworkCore;
global using ContentMachine.Pipeline.Runs;
global using ContentMachine.Pipeline.Stages;
global using Microsoft.Extensions.Options;
