global using System.Diagnostics;
global using ContentMachine.AppHost.Hosting;
global using ContentMachine.AppHost.Telemetry;
global using ContentMachine.AppHost.Telemetry.Model;
global using ContentMachine.AppHost.Telemetry.Storage;
global using ContentMachine.Testing;
global using FluentAssertions;
global using Xunit;
