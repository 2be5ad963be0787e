using System;
using Dgt.Generators.Diagnostics;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Parsing;

/// <summary>Turns a bug of the generator into a diagnostic rather than a failed build with no explanation.</summary>
internal static class InternalError
{
    public static DiagnosticInfo Describe(string activity, Exception exception, LocationInfo? location) =>
        DiagnosticInfo.Create(
            DiagnosticDescriptors.InternalError.Id,
            location,
            activity,
            exception.GetType().Name + ": " + exception.Message.Replace('\r', ' ').Replace('\n', ' '));
}
