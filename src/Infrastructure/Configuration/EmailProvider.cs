namespace CoachFlow.Infrastructure.Configuration;

public enum EmailProvider
{
    Outbox,
    SendGrid,
}
