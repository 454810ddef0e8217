global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using ContentMachine.AppHost.Hosting;
global using ContentMachine.AppHost.Processes;
global using ContentMachine.Testing;
global using FluentAssertions;
global using Xunit;
