// Placeholder entry point; the host is assembled in BotApp.
return 0;
