namespace Sodalite.Engine.Evaluation;

public enum CheckOutcome { Pass, Warn, Fail }
