using System.Text;

namespace RegistryJanitor.Storage.Ranking;

/// <summary>Enum names as the ranking tables store them: snake_case, e.g. <c>data_heavy_ml_python</c>.</summary>
public static class RankingNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
