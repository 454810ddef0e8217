global using Microsoft.Extensions.Options;
global using ContentMachine.Storage.Apis;
global using ContentMachine.Storage.Infrastructure;
global using ContentMachine.Storage.Model;
global using ContentMachine.Storage.Objects;
global using Microsoft.EntityFrameworkCore;
