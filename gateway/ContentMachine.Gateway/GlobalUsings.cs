global using System.Diagnostics;
global using System.Security.Claims;
global using ContentMachine.Gateway.Routing;
global using ContentMachine.ServiceDefaults.Discovery;
global using Microsoft.Extensions.Diagnostics.HealthChecks;
global using Microsoft.Extensions.Options;
