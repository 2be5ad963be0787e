namespace Dgt.Configuration.Schema;

/// <summary>What a <c>runner_config</c> value must be.</summary>
public enum RunnerValueKind
{
    /// <summary>A whole number, at least <see cref="RunnerKey.Minimum"/>.</summary>
    WholeNumber,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>Any single value.</summary>
    Text,
}
