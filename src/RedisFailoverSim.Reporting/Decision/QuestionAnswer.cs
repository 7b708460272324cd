namespace RedisFailoverSim.Reporting.Decision;

/// <summary>One of the four questions, its answer and the numbers behind it.</summary>
/// <param name="Number">1 to 4.</param>
/// <param name="Question">The question.</param>
/// <param name="Answer">The answer (yes / no / steady …).</param>
/// <param name="Evidence">The run's numbers behind the answer and what follows from it.</param>
/// <param name="Settles">True when this answer ends the walk (a path is chosen here).</param>
public sealed record QuestionAnswer(int Number, string Question, string Answer, string Evidence, bool Settles);
