using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace ContentMachine.Gateway.Auth;

public static class AuthExtensions
{
    private const string GatewayScheme = "Gateway";

    /// <summary>API keys (and JWTs when <c>Authentication:Jwt</c> is set) and the scope policy. With
    /// <c>Gateway:Auth:Enabled=false</c> nothing is registered: only allowed on a loopback address.</summary>
    public static IHostApplicationBuilder AddGatewayAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (!auth.Enabled)
        {
            EnsureLoopbackOnly(builder.Configuration);
            return builder;
        }

        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<ApiKeyValidator>();
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeRequirement>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ScopeRequirement.Policy, p => p.AddRequirements(new ScopeRequirement()));

        var jwt = builder.Configuration.GetSection(JwtSettings.Section).Get<JwtSettings>() ?? new JwtSettings();
        var authentication = builder.Services.AddAuthentication(GatewayScheme)
            .AddPolicyScheme(GatewayScheme, "API key or JWT", o =>
            {
                o.ForwardDefaultSelector = context =>
                    jwt.IsConfigured && PresentedCredentials.IsJwt(PresentedCredentials.Bearer(context.Request)) && !context.Request.Headers.ContainsKey(PresentedCredentials.ApiKeyHeader)
                        ? JwtBearerDefaults.AuthenticationScheme
                        : ApiKeyAuthenticationHandler.SchemeName;
                o.ForwardForbid = ApiKeyAuthenticationHandler.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (jwt.IsConfigured) authentication.AddJwtBearer(o => Configure(o, jwt));
        return builder;
    }

    public static WebApplication UseGatewayAuth(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Enabled)
        {
            app.Logger.LogWarning("Authentication is OFF (Gateway:Auth:Enabled=false): every API is open to whoever reaches this loopback address");
            return app;
        }
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static void Configure(JwtBearerOptions options, JwtSettings jwt)
    {
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        if (!string.IsNullOrEmpty(jwt.Authority)) options.Authority = jwt.Authority;
        options.Audience = jwt.Audience;
        options.TokenValidationParameters.ValidateAudience = !string.IsNullOrEmpty(jwt.Audience);
        if (!string.IsNullOrEmpty(jwt.SigningKey))
        {
            options.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey));
            options.TokenValidationParameters.ValidIssuer = jwt.Issuer;
            options.TokenValidationParameters.ValidateIssuer = !string.IsNullOrEmpty(jwt.Issuer);
        }
        options.Events = new JwtBearerEvents { OnTokenValidated = JwtScopes.OnTokenValidated };
    }

    /// <summary>Without authentication the gateway may listen on loopback only, so that switching it off for a
    /// benchmark can never open a deployed gateway.</summary>
    private static void EnsureLoopbackOnly(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
        var exposed = urls.Where(u => !IsLoopback(u)).ToList();
        if (exposed.Count > 0)
            throw new InvalidOperationException(
                $"Gateway:Auth:Enabled=false is only allowed on a loopback address (benchmarks, tests); the gateway listens on {string.Join(", ", exposed)}.");
    }

    private static bool IsLoopback(string url)
    {
        var host = url.Replace("://*", "://wildcard").Replace("://+", "://wildcard");
        return Uri.TryCreate(host, UriKind.Absolute, out var uri)
            && (uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
