return await Dgt.Runtime.DgtProgram.RunAsync(args, Dgt.Builders.Generated.DgtRegistry.Instance);
