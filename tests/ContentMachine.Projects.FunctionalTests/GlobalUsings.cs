global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using ContentMachine.Testing;
global using FluentAssertions;
global using ContentMachine.Projects.Model;
global using Xunit;
