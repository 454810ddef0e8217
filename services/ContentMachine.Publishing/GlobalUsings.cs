global using System.Diagnostics;
global using ContentMachine.Publishing.Apis;
global using ContentMachine.Publishing.Infrastructure;
global using ContentMachine.Publishing.Model;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
