namespace RegistryJanitor.Registries.Ecr;

/// <summary>The <c>filter.tagStatus</c> of DescribeImages.</summary>
public enum EcrTagStatus
{
    /// <summary>Tagged and untagged images.</summary>
    Any,

    /// <summary>Images with at least one tag.</summary>
    Tagged,

    /// <summary>Images without tags.</summary>
    Untagged,
}
