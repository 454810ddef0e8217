global using System.Net;
global using System.Net.Http.Headers;
global using System.Net.Http.Json;
global using System.Security.Cryptography;
global using System.Text.Json;
global using ContentMachine.Testing;
global using FluentAssertions;
global using Xunit;
