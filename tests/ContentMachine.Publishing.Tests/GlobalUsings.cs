global using System.Text.Json;
global using ContentMachine.Publishing.Model;
global using ContentMachine.Publishing.Platforms;
global using FluentAssertions;
global using Xunit;
