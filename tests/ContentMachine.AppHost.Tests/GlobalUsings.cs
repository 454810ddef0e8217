global using ContentMachine.AppHost.Hosting;
global using ContentMachine.AppHost.Processes;
global using ContentMachine.Testing;
global using FluentAssertions;
global using Xunit;
