using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ContentMachine.ServiceDefaults.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContentMachine.ServiceDefaults.Tests;

/// <summary>In Development too (where ASP.NET Core would otherwise show its developer exception page), every error is a
/// ProblemDetails that names what was wrong and echoes nothing internal.</summary>
public class ProblemDetailsTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public sealed record Order(string? Name, Address? Shipping, int Quantity);

    public sealed record Address(string? City);

    private sealed class OrderValidator : AbstractValidator<Order>
    {
        public OrderValidator()
        {
            RuleFor(o => o.Name).NotEmpty().WithMessage("The name is required.");
            RuleFor(o => o.Shipping!.City).NotEmpty().WithMessage("The city is required.").When(o => o.Shipping is not null);
            RuleFor(o => o.Quantity).InclusiveBetween(1, 10);
        }
    }

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(
        configure: b => b.Services.AddSingleton<IValidator<Order>, OrderValidator>(),
        map: a =>
        {
            a.MapGet("/boom", string () => throw new InvalidOperationException("internal detail that must not leak"));
            a.MapPost("/orders", (Order order) => TypedResults.Ok(order)).WithValidation<Order>();
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await _app.Client.GetAsync("/nowhere");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var problem = await ProblemAsync(response);
        problem.GetProperty("status").GetInt32().Should().Be(404);
        problem.GetProperty("traceId").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_exception_is_a_500_problem_without_internals_or_request_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/boom");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "secret-token-123");

        var response = await _app.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        body.Should().Contain("\"status\":500")
            .And.NotContain("internal detail").And.NotContain("InvalidOperationException")
            .And.NotContain("secret-token-123").And.NotContain(" at ");
    }

    [Theory]
    [InlineData("{\"name\": \"x\", \"quantity\": \"many\"}", "quantity", "wrong type")]
    [InlineData("{\"name\": \"x\", \"quantity\": 1", "body", "not valid JSON")]
    [InlineData("", "body", "required")]
    public async Task An_unreadable_body_is_a_400_naming_the_field(string json, string field, string message)
    {
        var response = await _app.Client.PostAsync("/orders", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        errors.GetProperty(field)[0].GetString().Should().Contain(message);
        body.Should().NotContain("System.").And.NotContain("ProblemDetailsTests");
    }

    [Fact]
    public async Task Validation_errors_are_keyed_by_json_field_names_including_nested_ones()
    {
        var response = await _app.Client.PostAsJsonAsync("/orders", new { name = "", shipping = new { city = "" }, quantity = 99 });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("name", "shipping.city", "quantity");
        errors.GetProperty("name")[0].GetString().Should().Be("The name is required.");
    }

    [Fact]
    public async Task A_valid_request_reaches_the_handler()
    {
        var response = await _app.Client.PostAsJsonAsync("/orders", new { name = "book", quantity = 2 });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
