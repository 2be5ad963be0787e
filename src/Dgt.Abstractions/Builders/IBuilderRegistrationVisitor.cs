namespace Dgt;

/// <summary>Lets the runtime work with a registration's record type without reflection.</summary>
public interface IBuilderRegistrationVisitor<out TResult>
{
    /// <summary>Called for a generation builder over <typeparamref name="TData"/>.</summary>
    TResult VisitGeneration<TData>(GenerationBuilderRegistration<TData> registration)
        where TData : DataPoint;
}
