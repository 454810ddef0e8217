namespace ContentMachine.Pipeline.Stages;

/// <summary>A failure that trying again cannot fix (bad input, a duplicate the project refuses): the run fails at once.</summary>
public sealed class StageFailedException(string reason) : Exception(reason);
