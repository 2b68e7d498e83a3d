"""Hard cases for sentence splitting in news text: (paragraph, expected sentences).

A quotation of several sentences stays one unit: cut inside, it leaves
fragments with unbalanced quote marks that cannot stand alone as a bullet.
"""

HARD_CASES: list[tuple[str, list[str]]] = [
    (
        "Sir Keir Starmer met Mr. Zelensky in Paris. They talked for an hour.",
        ["Sir Keir Starmer met Mr. Zelensky in Paris.", "They talked for an hour."],
    ),
    (
        "The U.S. said it would act. Europe agreed.",
        ["The U.S. said it would act.", "Europe agreed."],
    ),
    (
        "Starmer announced £1.6bn ($2bn) of export finance. It buys 5,000 missiles.",
        ["Starmer announced £1.6bn ($2bn) of export finance.", "It buys 5,000 missiles."],
    ),
    (
        "“We are at a crossroads in history today.” Then he left the stage.",
        ["“We are at a crossroads in history today.”", "Then he left the stage."],
    ),
    (
        "He said: “This is not a moment for more talk. It’s time to act.” The crowd cheered.",
        ["He said: “This is not a moment for more talk. It’s time to act.”", "The crowd cheered."],
    ),
    (
        "Gen. Augusto Pinochet was arrested in London. Spain sought his extradition.",
        ["Gen. Augusto Pinochet was arrested in London.", "Spain sought his extradition."],
    ),
    (
        "The talks began at 10 a.m. on Monday in St. Petersburg. Both sides attended.",
        ["The talks began at 10 a.m. on Monday in St. Petersburg.", "Both sides attended."],
    ),
    (
        "The loan is worth $2.84 billion. It is funded by frozen Russian assets.",
        ["The loan is worth $2.84 billion.", "It is funded by frozen Russian assets."],
    ),
    (
        "Is this the end? No, said the minister. Talks resume on Jan. 5.",
        ["Is this the end?", "No, said the minister.", "Talks resume on Jan. 5."],
    ),
    (
        "Dr. Jane Smith of the U.N. said 52.5% agreed. Critics disagreed.",
        ["Dr. Jane Smith of the U.N. said 52.5% agreed.", "Critics disagreed."],
    ),
    (
        "Sanctions remain “one of the few real tools”, Mr Zelensky said. Allies agreed.",
        ["Sanctions remain “one of the few real tools”, Mr Zelensky said.", "Allies agreed."],
    ),
    (
        "“They are playing games,” he said. “It is a classic from the Putin playbook.”",
        ["“They are playing games,” he said.", "“It is a classic from the Putin playbook.”"],
    ),
    (
        "The Ukrainian leader hailed “European unity at an extremely high level not seen for a long time.” Leaders nodded.",
        ["The Ukrainian leader hailed “European unity at an extremely high level not seen for a long time.”", "Leaders nodded."],
    ),
    (
        "Prices rose 3.2 per cent in Feb. compared with a year ago. Markets fell.",
        ["Prices rose 3.2 per cent in Feb. compared with a year ago.", "Markets fell."],
    ),
    (
        "He met King Charles III. He later spoke to reporters.",
        ["He met King Charles III.", "He later spoke to reporters."],
    ),
    (
        "The Prime Minister spoke at No. 10 Downing Street on Monday. Reporters waited outside.",
        ["The Prime Minister spoke at No. 10 Downing Street on Monday.", "Reporters waited outside."],
    ),
    (
        "He arrived in Washington D.C. on Friday. Talks began.",
        ["He arrived in Washington D.C. on Friday.", "Talks began."],
    ),
    (
        'He said the plan was "unacceptable." The minister disagreed.',
        ['He said the plan was "unacceptable."', "The minister disagreed."],
    ),
    (
        "“Let me be clear, we agree on the need for peace. Now we need to deliver together,” Starmer said. Talks resume.",
        ["“Let me be clear, we agree on the need for peace. Now we need to deliver together,” Starmer said.", "Talks resume."],
    ),
]
