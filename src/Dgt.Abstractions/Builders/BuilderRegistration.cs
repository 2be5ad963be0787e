using Dgt.Configuration;

namespace Dgt;

/// <summary>A builder as the generated registry knows it.</summary>
public abstract record BuilderRegistration(string Name, string YamlPath, string Yaml)
{
    /// <summary>The builder's record type name, for messages.</summary>
    public abstract string DataTypeName { get; }

    /// <summary>Calls the visitor method for this registration's kind and record type.</summary>
    public abstract TResult Accept<TResult>(IBuilderRegistrationVisitor<TResult> visitor);
}

/// <summary>
/// A generation builder over rows of <typeparamref name="TData"/>. <paramref name="ReadSeed"/> instantiates a seed row:
/// the codec's <c>Read</c>, or the builder's own <c>InstantiateInputExample</c> (<paramref name="HasOwnSeedReader"/>),
/// whose seeds follow the builder's rules rather than the record's fields.
/// </summary>
public sealed record GenerationBuilderRegistration<TData>(
    string Name,
    string YamlPath,
    string Yaml,
    Func<GenerationDataBuilder<TData>> Create,
    RowCodec<TData> Codec,
    Func<IConfigMap, string, TData?> ReadSeed,
    bool HasOwnSeedReader = false) : BuilderRegistration(Name, YamlPath, Yaml)
    where TData : DataPoint
{
    /// <inheritdoc />
    public override string DataTypeName => typeof(TData).Name;

    /// <inheritdoc />
    public override TResult Accept<TResult>(IBuilderRegistrationVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.VisitGeneration(this);
    }
}
