namespace RegistryJanitor.Commands;

/// <summary>
/// One command of the executable (<c>RegistryJanitor NAME [arguments]</c>). Implementations are registered with
/// <see cref="CommandServiceCollectionExtensions.AddCommand{TCommand}"/> and get their dependencies injected;
/// configuration is validated before <see cref="ExecuteAsync"/> is called.
/// </summary>
/// <example>
/// <code>
/// internal sealed class ScanCommand(Scanner scanner) : ICommand
/// {
///     public string Name =&gt; "scan";
///     public string Summary =&gt; "scan every configured registry once and exit";
///     public string Usage =&gt; "[--registry NAME]";
///     public async Task&lt;int&gt; ExecuteAsync(CommandContext context, CancellationToken cancellationToken) { ... }
/// }
/// // in the feature's AddXxx(services, configuration):
/// services.AddCommand&lt;ScanCommand&gt;();
/// </code>
/// </example>
public interface ICommand
{
    /// <summary>One or more words, e.g. <c>run</c> or <c>config check</c>.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Summary { get; }

    /// <summary>The arguments after the name, for the usage text (e.g. <c>--month YYYY-MM --out DIR</c>).</summary>
    string Usage { get; }

    /// <summary>Runs the command; returns the exit code (<see cref="ExitCodes"/>).</summary>
    /// <param name="context">The arguments after the name, the host and the output streams.</param>
    /// <param name="cancellationToken">Cancelled on SIGINT or SIGTERM.</param>
    Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
