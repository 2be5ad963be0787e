using Dgt.Configuration;

namespace Dgt.Runtime.Tests.Configuration;

public sealed class YamlConfigReaderTests
{
    [Fact]
    public void Reads_nested_mappings_with_their_line_and_column()
    {
        var problems = new List<ConfigProblem>();
        var root = YamlConfigReader.Read("name: x\nblocks:\n  - name: generator\n    temperature: 0.7\n", "b.yaml", problems);

        Assert.Empty(problems);
        var mapping = Assert.IsType<ConfigMapping>(root);
        var blocks = Assert.IsType<ConfigSequence>(mapping.Entries[1].Value);
        var block = Assert.IsType<ConfigMapping>(blocks.Items[0]);
        Assert.True(block.TryGetEntry("temperature", out var temperature));
        Assert.Equal((4, 5), (temperature.Key.Span.Line, temperature.Key.Span.Column));
        Assert.Equal((4, 18), (temperature.Value.Span.Line, temperature.Value.Span.Column));
    }

    [Fact]
    public void Duplicate_keys_are_reported_at_the_second_key()
    {
        var problems = new List<ConfigProblem>();
        var root = YamlConfigReader.Read("a: 1\nb: 2\na: 3\n", "t.yaml", problems);

        Assert.Null(root);
        var problem = Assert.Single(problems);
        Assert.Equal("t.yaml:3:1", problem.Span.ToString());
        Assert.Contains("'a' appears twice", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_errors_become_located_problems_instead_of_exceptions()
    {
        var problems = new List<ConfigProblem>();
        var root = YamlConfigReader.Read("name: x\ntype: [unclosed\nother: 1\n", "t.yaml", problems);

        Assert.Null(root);
        var problem = Assert.Single(problems);
        Assert.StartsWith("Invalid YAML", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Span.Line >= 2);
    }

    [Fact]
    public void An_alias_bomb_is_refused_without_expanding_it()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 9; i++)
        {
            var previous = string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10));
            lines.Add($"a{i}: &a{i} [{previous}]");
        }

        var problems = new List<ConfigProblem>();
        var root = YamlConfigReader.Read(string.Join("\n", lines), "bomb.yaml", problems);

        Assert.Null(root);
        Assert.Contains(problems, p => p.Message.Contains("alias bomb", StringComparison.Ordinal));
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var text = new string('[', 200) + new string(']', 200);
        var problems = new List<ConfigProblem>();

        Assert.Null(YamlConfigReader.Read(text, "deep.yaml", problems));
        Assert.Contains(problems, p => p.Message.Contains("nested deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_file_has_no_document_and_no_problem()
    {
        var problems = new List<ConfigProblem>();
        Assert.Null(YamlConfigReader.Read("# only a comment\n", "e.yaml", problems));
        Assert.Empty(problems);
    }
}
