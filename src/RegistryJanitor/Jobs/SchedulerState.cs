namespace RegistryJanitor.Jobs;

/// <summary>
/// What the scheduler's start-up came to (read by <c>run</c> for its exit code) and how many jobs run on this replica
/// (read at shutdown to honour the grace period).
/// </summary>
internal sealed class SchedulerState
{
    private volatile Exception? _fatalError;
    private volatile bool _started;
    private int _runningJobs;

    /// <summary>True once the scheduler runs on this replica.</summary>
    public bool IsStarted => _started;

    /// <summary>Why the service gave up starting (e.g. a changed migration); null while all is well.</summary>
    public Exception? FatalError => _fatalError;

    /// <summary>Jobs executing on this replica right now.</summary>
    public int RunningJobs => Volatile.Read(ref _runningJobs);

    public void MarkStarted() => _started = true;

    public void JobStarted() => Interlocked.Increment(ref _runningJobs);

    public void JobFinished() => Interlocked.Decrement(ref _runningJobs);

    public void MarkFailed(Exception exception) => _fatalError = exception;
}
