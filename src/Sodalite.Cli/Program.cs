using Sodalite.Cli;

return await SodaliteCli.RunAsync(args, Console.Out, Console.Error);
