namespace RegistryJanitor.Registries.Layers;

/// <summary>A layer blob that could not be analysed, with a reason code fit for storing.</summary>
public sealed class LayerRejectedException : Exception
{
    public LayerRejectedException()
    {
    }

    public LayerRejectedException(string message)
        : base(message)
    {
    }

    public LayerRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LayerRejectedException(LayerRejectionReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public LayerRejectionReason Reason { get; }
}
