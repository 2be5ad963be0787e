namespace App;

[Dgt.DataBuilder("qa")]
public sealed class QaBuilder : Dgt.GenerationDataBuilder<QaRow>
{
    [Dgt.Block] private Dgt.LMProvider generator = null!;

    protected override Task<IReadOnlyList<QaRow>> GenerateAsync(Dgt.GenerationBatch<QaRow> batch, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<QaRow>>([]);
}
