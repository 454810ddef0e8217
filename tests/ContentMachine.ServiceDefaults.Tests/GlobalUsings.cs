global using System.Diagnostics;
global using System.Net;
global using System.Net.Http.Json;
global using ContentMachine.Testing;
global using FluentAssertions;
global using Xunit;
