namespace RegistryJanitor.Storage.Reports;

/// <summary>Session settings of the report loaders' transactions.</summary>
internal static class ReportSessionSql
{
    /// <summary>
    /// The report statements are long expression lists over a few hundred thousand rows, where PostgreSQL's
    /// planner estimates enough work to compile them with LLVM: on the report benchmark's data the compilation
    /// alone took about 1 s of the Findings statement's 2.4 s and 0.2-0.4 s of each cost statement, more than it
    /// saved. SET LOCAL ends with the transaction.
    /// </summary>
    public const string NoJit = """
        SET LOCAL jit = off
        """;
}
