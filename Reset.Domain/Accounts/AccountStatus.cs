namespace Reset.Domain.Accounts;

/// <summary>Whether a customer account may recover its password.</summary>
public enum AccountStatus
{
    Active,

    /// <summary>Locked by the shop (fraud, chargebacks, …): no self-service reset.</summary>
    Locked,

    /// <summary>Closed or disabled: no self-service reset.</summary>
    Disabled,
}
