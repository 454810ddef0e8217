global using System.Net;
global using System.Text.Json;
global using ContentMachine.Cli;
global using ContentMachine.Testing;
global using FluentAssertions;
global using Xunit;
