namespace Dgt;

/// <summary>The base of every data builder; builders derive from <see cref="GenerationDataBuilder{TData}"/>.</summary>
public abstract class DataBuilder
{
    private protected DataBuilder()
    {
    }
}
