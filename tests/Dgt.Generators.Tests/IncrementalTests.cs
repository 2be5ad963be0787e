extern alias generator;

using System.Collections;
using System.Reflection;
using Dgt.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrackingNames = generator::Dgt.Generators.TrackingNames;

namespace Dgt.Generators.Tests;

/// <summary>The generator redoes no work for edits that cannot change its output, and its specs hold no compiler objects.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] StepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>A program with its own block type too, so that every step of the pipeline has something to do.</summary>
    private static TestProject Project() => Samples.GeographyProject(("/project/LocalBlocks.cs", """
        namespace Dgt.Builders.Local;

        public sealed record ShoutOptions
        {
            public bool Loud { get; init; }
        }

        [Dgt.BlockType("shout")]
        public sealed class Shout(ShoutOptions options, Dgt.BlockContext context) : Dgt.IBlock
        {
            public string Name => context.Name + options.Loud;
        }
        """));

    [Fact]
    public void An_unrelated_edit_leaves_every_named_step_cached_or_unchanged()
    {
        var project = Project();
        var input = GeneratorHarness.Compile(project);
        var driver = GeneratorHarness.CreateDriver(project).RunGenerators(input);

        var edited = input.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Elsewhere; internal static class Unrelated { public static int Answer => 42; }",
            new CSharpParseOptions(LanguageVersion.Preview),
            "/project/Unrelated.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var seen = result.TrackedSteps.Keys.Intersect(StepNames).ToList();
        Assert.Equal(StepNames.Order(), seen.Order());
        foreach (var name in StepNames)
        {
            var reasons = result.TrackedSteps[name].SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {name} ran again: {reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void Editing_the_builder_yaml_reruns_only_the_yaml_and_what_depends_on_it()
    {
        var project = Project();
        var input = GeneratorHarness.Compile(project);
        var driver = GeneratorHarness.CreateDriver(project).RunGenerators(input);

        var original = project.AdditionalTexts[0];
        var changed = new TestAdditionalText(original.Path, original.Text.Replace("temperature: 0.0", "temperature: 0.3", StringComparison.Ordinal));
        var result = driver.ReplaceAdditionalText(original, changed).RunGenerators(input).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.BuilderYamls].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(result.TrackedSteps[TrackingNames.Builders].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.ReferencedLibraries].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Contains("temperature: 0.3", result.GeneratedSources.Single(s => s.HintName == "BuilderYamls.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_one_task_yaml_rechecks_that_task_only()
    {
        var second = new TestAdditionalText("/tasks/second/task.yaml", """
            task_name: second
            task_description: Another task
            data_builder: public/test/geography_qa
            seed_examples:
              - question: Q?
                answer: A
            """, "task");
        var project = Project() with { AdditionalTexts = [.. Project().AdditionalTexts, second] };
        var input = GeneratorHarness.Compile(project);
        var driver = GeneratorHarness.CreateDriver(project).RunGenerators(input);

        var changed = new TestAdditionalText(second.Path, second.Text.Replace("answer: A", "answer: B", StringComparison.Ordinal), "task");
        var result = driver.ReplaceAdditionalText(second, changed).RunGenerators(input).GetRunResult().Results.Single();

        // The edited file is parsed again and its check re-run (finding the same nothing); the other task is untouched.
        Assert.Equal(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }.Order(), Reasons(result, TrackingNames.TaskYamls).Order());
        Assert.Equal(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }.Order(), Reasons(result, TrackingNames.TaskChecks).Order());
        foreach (var name in new[] { TrackingNames.Builders, TrackingNames.BuilderYamls, TrackingNames.BuilderIndex, TrackingNames.Program })
        {
            Assert.All(Reasons(result, name), reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {name} ran again: {reason}"));
        }
    }

    [Fact]
    public void No_step_output_holds_a_symbol_a_syntax_node_or_a_compilation()
    {
        var project = Project();
        var result = GeneratorHarness.CreateDriver(project).RunGenerators(GeneratorHarness.Compile(project)).GetRunResult().Results.Single();

        foreach (var name in StepNames)
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                AssertHoldsNoCompilerObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        [.. result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason)];

    private static void AssertHoldsNoCompilerObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or Compilation or SemanticModel or Location or SyntaxTree,
            $"{path} holds a {value.GetType().Name}");
        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertHoldsNoCompilerObjects(item, $"{path}[{index++}]", visited);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertHoldsNoCompilerObjects(field.GetValue(value), path + "." + field.Name, visited);
        }
    }
}
