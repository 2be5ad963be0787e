return await Dgt.Runtime.DgtProgram.RunAsync(args, Dgt.Generated.DgtRegistry.Instance);
