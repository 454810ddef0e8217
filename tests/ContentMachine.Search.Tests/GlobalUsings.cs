global using System.Net;
global using System.Text.Json;
global using ContentMachine.Search.Embeddings;
global using ContentMachine.Search.Indexing;
global using ContentMachine.Search.Model;
global using ContentMachine.Testing;
global using FluentAssertions;
global using Xunit;
