using Sodalite.Cli;

// A scan reads YAML first: the reader readies itself on another core while the command line is read (start-up, issue 17).
if (args is ["scan", ..]) _ = Task.Run(Sodalite.SodaCL.Yaml.SafeYaml.Prepare);
return await SodaliteCli.RunAsync(args, Console.Out, Console.Error);
