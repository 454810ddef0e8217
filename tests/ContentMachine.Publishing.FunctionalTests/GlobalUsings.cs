global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using ContentMachine.Contracts;
global using ContentMachine.Testing;
global using FluentAssertions;
global using Xunit;
