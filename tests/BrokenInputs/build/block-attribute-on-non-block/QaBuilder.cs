namespace App;

[Dgt.DataBuilder("qa")]
public sealed partial class QaBuilder : Dgt.GenerationDataBuilder<QaRow>
{
    [Dgt.Block] private Dgt.LMProvider generator = null!;

    [Dgt.Block] private string notes = "";

    protected override Task<IReadOnlyList<QaRow>> GenerateAsync(Dgt.GenerationBatch<QaRow> batch, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<QaRow>>([]);
}
