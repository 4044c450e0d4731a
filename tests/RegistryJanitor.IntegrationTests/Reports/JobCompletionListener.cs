using Quartz;

namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>Completes when the scheduler has run one job, with the exception the job threw, if any.</summary>
internal sealed class JobCompletionListener(JobKey job) : IJobListener
{
    private readonly TaskCompletionSource<JobExecutionException?> completed =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "test-job-completion";

    public Task<JobExecutionException?> Completed => completed.Task;

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!context.JobDetail.Key.Equals(job))
        {
            return ValueTask.CompletedTask;
        }

        completed.TrySetException(new InvalidOperationException("The scheduler vetoed the job."));
        return ValueTask.CompletedTask;
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException,
        CancellationToken cancellationToken = default)
    {
        if (context.JobDetail.Key.Equals(job))
        {
            completed.TrySetResult(jobException);
        }

        return ValueTask.CompletedTask;
    }
}
