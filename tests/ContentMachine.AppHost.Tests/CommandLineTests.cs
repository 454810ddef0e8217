using ContentMachine.AppHost.Cli;

namespace ContentMachine.AppHost.Tests;

public class CommandLineTests
{
    private static StackOptions Parse(params string[] args)
    {
        StackOptions? parsed = null;
        var exit = AppHostCommand.Create((options, _) =>
        {
            parsed = options;
            return Task.FromResult(0);
        }).Parse(args).Invoke();
        exit.Should().Be(0);
        return parsed!;
    }

    [Fact]
    public void Defaults_are_loopback_ports_away_from_the_standard_ones()
    {
        var options = Parse();

        options.Fresh.Should().BeFalse();
        options.GatewayBindAddress.Should().Be("127.0.0.1");
        options.Ports.Gateway.Should().Be(8080);
        options.Ports.Dashboard.Should().Be(18888);
        options.Ports.Otlp.Should().Be(4318);
        new[] { options.Ports.Postgres, options.Ports.Redis, options.Ports.RabbitMq, options.Ports.RabbitMqManagement, options.Ports.Epmd, options.Ports.ObjectStore }
            .Should().NotIntersectWith([5432, 6379, 5672, 15672, 4369, 9000]);
        options.ReplicasOf("pipeline").Should().Be(1);
    }

    [Fact]
    public void Replicas_ports_fresh_and_only_are_read()
    {
        var options = Parse("--fresh", "--replicas", "pipeline=3", "--port", "gateway=8081", "--port", "postgres=0", "--only", "postgres", "redis");

        options.Fresh.Should().BeTrue();
        options.ReplicasOf("pipeline").Should().Be(3);
        options.ReplicasOf("projects").Should().Be(1);
        options.Ports.Gateway.Should().Be(8081);
        options.Ports.Postgres.Should().Be(0);
        options.Only.Should().BeEquivalentTo("postgres", "redis");
    }

    [Fact]
    public void The_admin_api_key_is_taken_from_the_command_line_or_left_to_the_state_folder()
    {
        Parse("--api-key", "cm_0123456789ab_" + new string('f', 64)).AdminApiKey.Should().Be("cm_0123456789ab_" + new string('f', 64));
        Parse().AdminApiKey.Should().BeNull();
    }

    [Theory]
    [InlineData("--replicas", "pipeline")]
    [InlineData("--replicas", "pipeline=0")]
    [InlineData("--replicas", "nosuch=2")]
    [InlineData("--port", "nosuch=2")]
    [InlineData("--port", "gateway=-1")]
    [InlineData("--api-key", "short")]
    public void Bad_values_are_rejected_with_the_option_named(string option, string value)
    {
        var act = () => AppHostCommand.Create((_, _) => Task.FromResult(0)).Parse([option, value]).Invoke(
            new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false });

        act.Should().Throw<ArgumentException>().Which.Message.Should().ContainAny(option, value.Split('=')[0]);
    }
}
