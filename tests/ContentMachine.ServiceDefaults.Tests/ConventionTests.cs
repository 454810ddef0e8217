using ContentMachine.ServiceDefaults.Configuration;
using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging;
using ContentMachine.ServiceDefaults.ObjectStorage;

namespace ContentMachine.ServiceDefaults.Tests;

public class ConventionTests
{
    [Fact]
    public void The_messaging_connection_string_is_an_amqp_uri()
    {
        var settings = RabbitMqSettings.Parse("amqp://cm:p%40ss@127.0.0.1:55672/");

        settings.Should().Be(new RabbitMqSettings("127.0.0.1", 55672, "/", "cm", "p@ss"));
        RabbitMqSettings.Parse("amqp://localhost/videos").Should().Be(new RabbitMqSettings("localhost", 5672, "videos", "guest", "guest"));
        FluentActions.Invoking(() => RabbitMqSettings.Parse("Host=x")).Should().Throw<FormatException>().WithMessage("*amqp://*");
    }

    [Fact]
    public void The_objects_connection_string_has_endpoint_keys_region_and_an_optional_bucket()
    {
        var settings = ObjectStoreSettings.Parse("Endpoint=http://127.0.0.1:9000;AccessKey=ak;SecretKey=sk;Region=eu-west-1");

        settings.Should().Be(new ObjectStoreSettings(new Uri("http://127.0.0.1:9000"), "ak", "sk", "eu-west-1", ObjectStoreSettings.DefaultBucket));
        ObjectStoreSettings.Parse("endpoint=http://s3;accesskey=a;secretkey=b;bucket=media").Bucket.Should().Be("media");
        FluentActions.Invoking(() => ObjectStoreSettings.Parse("Endpoint=http://s3;AccessKey=a")).Should().Throw<FormatException>().WithMessage("*SecretKey*");
    }

    [Fact]
    public void A_missing_connection_string_names_the_variable_to_set()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();

        FluentActions.Invoking(() => ConnectionStrings.Require(configuration, "projectsdb"))
            .Should().Throw<InvalidOperationException>().WithMessage("*ConnectionStrings__projectsdb*");
    }

    [Theory]
    [InlineData("Host=db;Password=hunter2;Database=x", "Host=db;Password=***;Database=x")]
    [InlineData("amqp://user:s3cret@127.0.0.1:5672/", "amqp://user:***@127.0.0.1:5672/")]
    [InlineData("127.0.0.1:6379,password=abc", "127.0.0.1:6379,password=***")]
    [InlineData("SecretKey=xyz;AccessKey=ak", "SecretKey=***;AccessKey=***")]
    [InlineData("nothing secret here", "nothing secret here")]
    public void Secrets_are_masked_in_messages(string text, string expected) => SecretRedactor.Redact(text).Should().Be(expected);

    [Theory]
    [InlineData("CreatedAt", "created_at")]
    [InlineData("ProjectId", "project_id")]
    [InlineData("Sha256", "sha256")]
    [InlineData("PK_Projects", "pk_projects")]
    [InlineData("IX_Runs_ProjectId_CreatedAt", "ix_runs_project_id_created_at")]
    [InlineData("HTTPStatus", "http_status")]
    public void Names_become_snake_case(string name, string expected) => SnakeCaseNaming.ToSnakeCase(name).Should().Be(expected);
}
