using System.Runtime.InteropServices;

namespace RegistryJanitor.Commands;

/// <summary>A token cancelled on SIGINT (Ctrl+C) or SIGTERM, so a command can stop cleanly.</summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public ShutdownSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled when the process is asked to stop.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Cancel = true: the command winds down and returns its own exit code instead of being terminated.
        context.Cancel = true;
        _source.Cancel();
    }
}
