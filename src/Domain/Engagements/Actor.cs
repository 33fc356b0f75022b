namespace CoachFlow.Domain.Engagements;

/// <summary>Who acts on an engagement: recorded in the timeline and named in every signed link.</summary>
public enum Actor
{
    Client,
    Coach,
    System,
}
