namespace RegistryJanitor.Core.Costs;

/// <summary>The billing model a pricing profile follows; it decides which fields of the profile apply.</summary>
public enum PricingProfileKind
{
    /// <summary>A flat price per GB-month and per GB of egress, with nothing included.</summary>
    Generic,

    /// <summary>Amazon ECR private repositories: price per GB-month, free same-region pulls.</summary>
    Ecr,

    /// <summary>Azure Container Registry Basic: daily fee with included storage, overage per GB-day.</summary>
    AcrBasic,

    /// <summary>Azure Container Registry Standard: daily fee with included storage, overage per GB-day.</summary>
    AcrStandard,

    /// <summary>Azure Container Registry Premium: daily fee with included storage, overage per GB-day.</summary>
    AcrPremium,

    /// <summary>Google Artifact Registry: price per GB-month beyond a small free allowance.</summary>
    GoogleArtifactRegistry,
}
