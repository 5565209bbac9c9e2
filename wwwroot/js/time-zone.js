// Tells the server the browser's time zone, so pages show times as the reader's clock does (UserTime.cs reads it).
document.cookie = 'portal-tz=' + encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)
    + '; path=/; max-age=31536000; SameSite=Lax';
