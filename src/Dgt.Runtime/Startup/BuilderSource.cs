namespace Dgt.Runtime.Startup;

/// <summary>The builder YAML in force: compiled in, or given at run time to override it.</summary>
public sealed record BuilderSource(string Path, string Text);
