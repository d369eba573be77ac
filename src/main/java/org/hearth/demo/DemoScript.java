package org.hearth.demo;

import static org.hearth.conversation.TopicKind.DECISION;
import static org.hearth.conversation.TopicKind.DISCUSSION;
import static org.hearth.conversation.TopicKind.QUESTION;
import static org.hearth.conversation.TopicKind.STORY;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.hearth.community.Communities.NewCommunity;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.TopicKind;

/**
 * Everything the demonstration site says, in the order it is written: fictional members,
 * their communities and their conversations. The voices are peers telling what they lived
 * through, never an authority telling readers what to do about their treatment.
 *
 * <p>Topics are written in the order listed, so the last one of each community is the most
 * recently active and heads its page.
 */
final class DemoScript {

    private DemoScript() {
    }

    /** What a fictional member's profile says, so no one mistakes them for a real person. */
    static final String ABOUT = "A fictional member of this Hearth demonstration site. The people and posts "
            + "here are made up, to show what a community can look like.";

    /** A community, who runs it, who belongs, and what they talk about. */
    record Place(NewCommunity community, String owner, String moderator, List<String> members, List<Topic> topics) {

        /** Owner, moderator, then members: everyone who may post here. */
        List<String> everyone() {
            var all = new LinkedHashSet<String>();
            all.add(owner);
            all.add(moderator);
            all.addAll(members);
            return List.copyOf(all);
        }
    }

    /** A topic: what kind it is, its title, the opening post and the replies in order. */
    record Topic(TopicKind kind, String title, Post opening, List<Post> replies) {
    }

    /** One post and who wrote it; a content warning and anonymity when the author chose them. */
    record Post(String author, String body, String contentWarning, boolean anonymous) {

        Post warned(String warning) {
            return new Post(author, body, warning, anonymous);
        }

        Post anonymously() {
            return new Post(author, body, contentWarning, true);
        }
    }

    static final Place TYPE_1_DIABETES = new Place(
            new NewCommunity("type-1-diabetes", "Type 1 diabetes: day to day",
                    "Adults living with type 1 diabetes swapping what daily life with it is really like: "
                            + "hypos, tech, work, sport, burnout, and the good days too.",
                    "Type 1 diabetes", Visibility.PUBLIC, JoinPolicy.OPEN, false),
            "t1d_since_98", "lantern_keeper",
            List.of("pumpandpine", "nightowl_knits", "ironbark", "kettle_on", "seaglass"),
            List.of(
                    topic(STORY, "The night I needed an ambulance, and what changed after",
                            by("nightowl_knits", """
                                    This is hard to write, so here is the short version.

                                    Last winter I had a low in my sleep that I didn't wake up from by myself. My \
                                    partner found me confused, couldn't get me to eat, and called an ambulance. The \
                                    paramedics were kind and quick, and physically I was fine by the morning.

                                    Emotionally it took months. I was scared of going to sleep. I started keeping my \
                                    levels high on purpose to feel safe, which my team and I later had to talk through \
                                    honestly.

                                    What helped: a proper conversation with my diabetes team about *why* it happened, \
                                    my partner learning to use the emergency kit, and a few sessions with the \
                                    psychologist attached to our clinic (I didn't know that was a thing!).

                                    I'm posting because I felt so alone with the fear afterwards. If it has happened to \
                                    you: you're not careless, and you're not alone.
                                    """).warned("a severe hypo, an ambulance, fear of sleeping"),
                            by("lantern_keeper", """
                                    Thank you for trusting us with this. The fear afterwards is talked about far too \
                                    little.
                                    """),
                            by("t1d_since_98", """
                                    Keeping levels high to feel safe: I did exactly that after mine, for nearly a \
                                    year. Asking about the clinic psychologist was one of the best things I ever did.
                                    """),
                            by("pumpandpine", "Sending you a huge hug. Glad you're here, and glad your partner was."),
                            by("nightowl_knits", "Thank you all. I'm sleeping much better these days.")),
                    topic(DISCUSSION, "Telling people at work, or not",
                            by("seaglass", """
                                    How did you decide who to tell at work? I've changed jobs a few times and did it \
                                    differently each time: told everyone on day one, told nobody for a year, told one \
                                    trusted colleague.

                                    The one-colleague way has felt best so far. She knows where my hypo kit is and what \
                                    a low looks like on me, and that's enough. How did it go for you?
                                    """),
                            by("ironbark", """
                                    I mentioned it at the interview. Maybe risky, but it meant I never had to have the \
                                    conversation later.
                                    """),
                            by("kettle_on", "New job, told nobody yet… this thread is nudging me."),
                            by("lantern_keeper", """
                                    I told nobody for years. The day I went low in a meeting would have been far less \
                                    frightening, for everyone, if one person had known what was happening.
                                    """),
                            by("pumpandpine", """
                                    "One person who knows what a low looks like on you" is a brilliant rule. A \
                                    colleague once noticed mine before I did.
                                    """)),
                    topic(DECISION, "Pump or staying on pens? Deciding before my next clinic",
                            by("ironbark", """
                                    My team has offered me an insulin pump and I have until my next clinic to think \
                                    about it. I'm torn.

                                    **The options as I see them:**

                                    - **Stay on pens** with my sensor, which I know and which works well enough.
                                    - **A pump on its own**, still doing the sums myself.
                                    - **A pump linked to my sensor**, which adjusts some of it for me; my team says \
                                    I'd qualify.

                                    I'm less interested in specifications than in what living with each was like for \
                                    you: sleep, work, sport, wearing something all the time, how you felt about it six \
                                    months on. If you chose to stay on pens, I'd really like to hear from you too.
                                    """),
                            by("pumpandpine", """
                                    Linked pump for two years. The first few weeks were honestly *more* work, not less: \
                                    learning to trust it, a couple of nights of alarms. After that my nights got much \
                                    calmer.

                                    What I underestimated was how I'd feel about having something attached all the \
                                    time. Some days I mind. Most days I forget.
                                    """),
                            by("t1d_since_98", """
                                    I tried a pump for a year and went back to pens, and that's fine too! I swim a lot \
                                    and got fed up with it. What mattered most for me was which one I'd actually keep \
                                    up with in a bad week.
                                    """),
                            by("seaglass", """
                                    Linked system here. The thing nobody mentioned: it's great at night, and I still \
                                    have to think about meals. It isn't a cure; it's a very good assistant.
                                    """),
                            by("kettle_on", """
                                    Following this. I'm not there yet, but I've been wondering the same thing.
                                    """),
                            by("lantern_keeper", """
                                    On pens by choice, for now. What helped me decide was asking the clinic whether I \
                                    could wear a trial pump for a few days. Not every clinic offers that, but it's \
                                    worth asking.
                                    """),
                            by("ironbark", """
                                    This is so helpful. I think I'm leaning towards trying the linked one, knowing \
                                    that going back is allowed. I'll report back after clinic.
                                    """)),
                    topic(QUESTION, "Night-time lows since starting a new job: anyone else?",
                            by("kettle_on", """
                                    I started a new job three weeks ago (much more walking about than my old desk job) \
                                    and I've had more night-time lows since then than in the whole year before. My \
                                    sensor alarm woke me twice last week.

                                    I have an appointment with my diabetes team next month and I'll bring my data, but \
                                    I'd love to hear from people who went through a change in activity like this:

                                    - Did it settle down after a few weeks?
                                    - What did you end up talking through with your team?
                                    - How did you get your sleep back?
                                    """),
                            by("pumpandpine", """
                                    Yes! When I went from office work to a warehouse it took me about a month to find \
                                    a new normal. What helped most was writing down which days had lots of walking, so \
                                    my nurse and I could look at the pattern together instead of guessing.

                                    Also: you don't have to wait for the appointment. My team was glad to get a phone \
                                    call about it.
                                    """),
                            by("nightowl_knits", """
                                    The sleep part is so real. I keep glucose tablets and a carton of juice on the \
                                    bedside table, so when the alarm goes I'm not stumbling to the kitchen. It doesn't \
                                    fix the cause, but it took some of the dread out of the nights for me.
                                    """),
                            by("ironbark", """
                                    Not the same situation, but seconding the phone call. I once waited weeks for an \
                                    appointment with something like this and wished I hadn't.
                                    """),
                            by("lantern_keeper", """
                                    Thank you for asking this so clearly, kettle_on.

                                    A gentle note for everyone reading: here we share what worked *for us*. Changes to \
                                    insulin are something you and your team decide together, and lows that wake you up \
                                    are always worth telling them about.
                                    """),
                            by("kettle_on", """
                                    Thank you all. I rang them this morning and they're going through my data this \
                                    week. The juice on the bedside table has already helped my nerves.
                                    """)),
                    topic(STORY, "Nearly thirty years in: what I wish someone had told me at fourteen",
                            by("t1d_since_98", """
                                    I was diagnosed in 1998, at fourteen, in a hospital bed with a leaflet and a very \
                                    kind nurse. A few things I wish I'd heard back then:

                                    1. **Numbers are information, not a grade.** It took me until my twenties to stop \
                                    feeling that every reading was a test I'd passed or failed.
                                    2. **Burnout is normal, and it passes.** I've had whole years of doing the bare \
                                    minimum. Telling my team honestly was the turning point every time.
                                    3. **You're allowed to be angry about it.** And then go and have a nice day anyway.
                                    4. **Find your people.** The first time I met another adult with type 1, I cried in \
                                    a café car park.

                                    The technology has changed beyond recognition. The feelings haven't, much. If you \
                                    are new here: welcome. It gets more ordinary, I promise.
                                    """),
                            by("seaglass", "Number 1 is going on a sticky note on my fridge."),
                            by("pumpandpine", "The café car park. Yes. Mine was a bus stop."),
                            by("ironbark", """
                                    Diagnosed last year at 41, and number 3 is exactly what I needed to read today. \
                                    Thank you.
                                    """),
                            by("kettle_on", "Bookmarking this for the bad weeks."),
                            by("t1d_since_98", """
                                    Thank you, all of you. @ironbark, welcome to the club nobody wants to join but \
                                    where everyone is kind.
                                    """))));

    static final Place MULTIPLE_SCLEROSIS = new Place(
            new NewCommunity("multiple-sclerosis", "MS: living with multiple sclerosis",
                    "A members-only space for people with any kind of MS, newly diagnosed or decades in: "
                            + "relapses, fatigue, treatment choices, work and family, away from search engines.",
                    "Multiple sclerosis", Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false),
            "wobbly.legs", "quiet_harbour",
            List.of("cloudberry", "rowan.tree", "slowtortoise", "moth_and_moon"),
            List.of(
                    topic(STORY, "Walking my daughter down the aisle",
                            by("wobbly.legs", """
                                    Last summer I had a relapse that affected my legs three months before my \
                                    daughter's wedding. I was so worried I'd need my stick in the photos, or not be \
                                    able to walk her down the aisle at all.

                                    I worked with a physiotherapist, rested more than felt reasonable, and we agreed a \
                                    plan B: a chair at the front, and her brother on my other arm. On the day I walked \
                                    the aisle with my stick in one hand and her on the other, and honestly, it's my \
                                    favourite photo.

                                    I spent months dreading something that turned out to be a joy. The stick is in the \
                                    photo. So what.
                                    """),
                            by("cloudberry", "This made me tear up on the bus. So what, indeed."),
                            by("moth_and_moon", "Saving this for the days I'm scared of what's ahead."),
                            by("slowtortoise", "A plan B is such a good idea. I'm stealing it for everything."),
                            by("rowan.tree", "Congratulations to your daughter, and to you.")),
                    topic(QUESTION, "What do you bring to a neurology appointment?",
                            by("cloudberry", """
                                    My yearly review is next week, and I always come out thinking of the thing I forgot \
                                    to ask. What do you bring or prepare? I've started a list on my phone but it's a \
                                    mess.
                                    """),
                            by("quiet_harbour", """
                                    Three questions written at the top, the most important first. Everything else is a \
                                    bonus.
                                    """),
                            by("wobbly.legs", "I bring my husband. He remembers the answers; I remember the questions."),
                            by("moth_and_moon", "My first one is coming up. Following!"),
                            by("rowan.tree", """
                                    A short list of what changed since last time: new symptoms, falls, how work is \
                                    going. My neurologist said it was really useful to have.
                                    """)),
                    topic(DISCUSSION, "Fatigue that nobody can see",
                            by("slowtortoise", """
                                    MS fatigue isn't tiredness, and I've stopped trying to explain it with "it's like \
                                    when you…" comparisons. Some days it feels like moving through wet sand.

                                    Things that have helped me a little: planning the week around one or two big \
                                    things, sitting down for jobs I used to stand for, and an honest chat with my GP \
                                    about other things that can make fatigue worse.

                                    What does it feel like for you? Has anything made it easier to live with, or to \
                                    explain?
                                    """),
                            by("wobbly.legs", """
                                    Wet sand is exactly it. I tell my family it's a phone battery that only charges to \
                                    60% overnight.
                                    """),
                            by("moth_and_moon", "Reading this makes me feel less like I'm imagining it."),
                            by("cloudberry", """
                                    The energy diary my occupational therapist gave me changed things. Boring to fill \
                                    in, but it showed me that my afternoon crashes came from mornings I'd overdone.
                                    """),
                            by("rowan.tree", """
                                    Heat makes mine so much worse. I have a cooling scarf that looks a bit silly, and I \
                                    don't care.
                                    """),
                            by("quiet_harbour", """
                                    "Sit down to do it" is the tip I pass on most to people who are newly diagnosed.
                                    """)),
                    topic(DECISION, "Starting treatment: how did you choose between the options you were offered?",
                            by("rowan.tree", """
                                    My neurologist has given me a choice of disease-modifying treatments and a few \
                                    weeks to think. Broadly, the options I was offered:

                                    - **An injection** I'd give myself at home
                                    - **A daily tablet**
                                    - **An infusion** at the hospital twice a year

                                    My team has explained the evidence and the risks of each. What I'd like from you is \
                                    the lived side: how the routine fits into your life, what the monitoring was like, \
                                    how you felt about your choice a year on. I know everyone's situation is different.
                                    """),
                            by("wobbly.legs", """
                                    Injections for six years, then I switched to an infusion. The injections were fine \
                                    once I had a routine, but I disliked the reactions where I injected. The infusions \
                                    mean a long day at the hospital twice a year and then not thinking about it, which \
                                    suits my brain.
                                    """),
                            by("slowtortoise", """
                                    Daily tablet here. I like that it's small and private. The other side is that I've \
                                    had to get good at remembering: a pill box and a phone alarm.
                                    """),
                            by("cloudberry", """
                                    I chose the infusion mostly because I travel for work. The blood tests and checks \
                                    around it were more than I expected, so ask your team what the monitoring looks \
                                    like in practice for each option.
                                    """),
                            by("quiet_harbour", """
                                    Something I found useful: before reading anything else, I wrote down what mattered \
                                    most to me (fewer hospital visits, plans for a family, my fear of needles) and took \
                                    that list to the neurologist.
                                    """),
                            by("rowan.tree", """
                                    That list is perfect. My top two are "fits around shift work" and "I'm scared of \
                                    needles", which already narrows things down.
                                    """)),
                    topic(QUESTION, "Newly diagnosed: how did you get through the first months?",
                            by("moth_and_moon", """
                                    I was diagnosed with relapsing-remitting MS five weeks ago, after an episode of \
                                    optic neuritis. My eye has mostly recovered; my head has not. I keep reading \
                                    things online at 2 a.m. and frightening myself.

                                    How did you get through the first few months? What do you wish you had known, or \
                                    *not* read?
                                    """),
                            by("quiet_harbour", """
                                    Welcome. The 2 a.m. reading is almost universal, I think. What helped me was \
                                    keeping a list of questions for my MS nurse instead of searching, and choosing one \
                                    or two places to read (like here) rather than everywhere.
                                    """),
                            by("wobbly.legs", """
                                    Diagnosed fourteen years ago. For me the first months were the hardest part of the \
                                    whole thing, emotionally. It really does become one part of your life rather than \
                                    all of it.
                                    """),
                            by("cloudberry", """
                                    I wish I'd known that the stories you find online lean towards the hardest ones. \
                                    Plenty of us are just getting on with things and don't write about it.
                                    """),
                            by("rowan.tree", """
                                    Be kind to your eyes and to yourself. I took a week off work after my diagnosis \
                                    appointment, and it was the best decision I made that year.
                                    """),
                            by("moth_and_moon", """
                                    Thank you. I've started my question list and closed eleven browser tabs.
                                    """))));

    static final Place LONG_COVID = new Place(
            new NewCommunity("long-covid", "Long COVID: pacing together",
                    "Peer support for people living with long COVID and other post-viral illness: pacing, "
                            + "work, being believed, and small wins. Anyone can read; moderators approve new members.",
                    "Long COVID", Visibility.PUBLIC, JoinPolicy.APPROVAL, false),
            "pacing_pilot", "spoonsaver",
            List.of("fogwalker", "little_fern", "slowtortoise", "kettle_on", "seaglass", "cloudberry",
                    "lantern_keeper", "nightowl_knits"),
            List.of(
                    topic(QUESTION, "Brain fog at appointments: how do you keep track?",
                            by("slowtortoise", """
                                    By the time I'm home from an appointment I've forgotten half of what was said. How \
                                    do you keep track of what you were told?
                                    """),
                            by("nightowl_knits", """
                                    I ask whether I can record the conversation on my phone. Most people I've asked \
                                    have said yes.
                                    """),
                            by("fogwalker", "A friend comes with me and takes notes. My handle is not a coincidence."),
                            by("kettle_on", "I ask them to write the main points down for me at the end."),
                            by("slowtortoise", "Recording it had never occurred to me. Thank you!")),
                    topic(STORY, "A year on: what living with long COVID has taught me",
                            by("pacing_pilot", """
                                    A year ago I cycled to work and ran a 10k for fun. This year I learned to measure my \
                                    days in sitting-down minutes.

                                    There were weeks last winter when I felt hopeless and couldn't see the point of \
                                    much. Talking honestly to my GP about my mood, and finding this community, were the \
                                    two things that turned it round.

                                    I'm not "back to normal". I'm better than I was: I work three mornings a week, I \
                                    can walk to the park, I know my limits and mostly respect them. I've also learned \
                                    how many people were living with invisible illness long before me.

                                    If you're in the early, hopeless part: it isn't always like this.
                                    """).warned("low mood, feeling hopeless"),
                            by("little_fern", "I'm in the hopeless part right now. Thank you for this."),
                            by("spoonsaver", """
                                    @little_fern I'm glad you're here. If it gets heavy, please tell your GP or someone \
                                    you trust, like pacing_pilot did, and keep posting. We're around.
                                    """),
                            by("seaglass", "\"Measure my days in sitting-down minutes\" is so exact."),
                            by("lantern_keeper", """
                                    Thank you for the line about people who were doing this long before us. Humbling, \
                                    and true.
                                    """)),
                    topic(DECISION, "Phased return to work, or waiting longer?",
                            by("fogwalker", """
                                    Occupational health have offered a phased return, starting with two half-days a \
                                    week. Part of me is desperate to get back; part of me is scared it will set me back \
                                    months.

                                    **The options on the table:**

                                    - Start the phased return now, as offered
                                    - Ask to start even smaller (one short day, or from home)
                                    - Stay off for another couple of months and look again

                                    If you faced this, what did you choose, and how did it go?
                                    """),
                            by("pacing_pilot", """
                                    I went back too fast the first time and crashed for six weeks. The second time I \
                                    asked for one half-day from home and built up very slowly. It worked, but it took \
                                    most of a year.
                                    """),
                            by("cloudberry", """
                                    I stayed off longer. I don't regret it, though the money worry was real; I'd look \
                                    at what sick pay you have before deciding.
                                    """),
                            by("kettle_on", """
                                    I asked to start smaller and my employer said yes straight away. Worth asking, even \
                                    if it feels cheeky.
                                    """),
                            by("spoonsaver", """
                                    Whatever you choose, it helped me to agree in advance what "this isn't working" \
                                    looks like. Then stepping back isn't a failure; it's part of the plan.
                                    """),
                            by("fogwalker", """
                                    Thank you. I've asked for one short day from home to start, with a review after a \
                                    month.
                                    """)),
                    topic(QUESTION, "How do you explain pacing to family who think you should \"push through\"?",
                            by("little_fern", """
                                    My family love me and keep telling me to "just get out more, it'll build your \
                                    strength". When I do, I'm wiped out for days afterwards.

                                    How have you explained pacing, and the crashes, to people who haven't lived it?
                                    """),
                            by("pacing_pilot", """
                                    The spoon theory helped mine. So did the sentence "the crash comes a day or two \
                                    later", because they only ever saw me on the good day.
                                    """),
                            by("fogwalker", """
                                    I showed my mum my activity diary. Seeing the pattern on paper did more than any \
                                    explanation I'd tried.
                                    """),
                            by("spoonsaver", """
                                    For what it's worth, pushing through made me much worse in my first year, and a lot \
                                    of people here say the same. The long COVID clinic wrote a short letter for my \
                                    family, and that helped them take it seriously.
                                    """),
                            by("seaglass", """
                                    I asked my sister to come to one appointment with me. Since then she's been my \
                                    fiercest defender.
                                    """),
                            by("little_fern", "The diary is a brilliant idea. I'll try it with my dad.")),
                    new Topic(DISCUSSION, "Small wins thread: one thing that went okay this week",
                            by("spoonsaver", """
                                    A standing thread for the small stuff. Living with this is slow, and it's easy to \
                                    notice only the setbacks, so: **one thing that went okay this week**. No win is \
                                    too small. Showering sitting down counts. So does saying no to something.

                                    I'll start: I sat in the garden for twenty minutes and didn't pay for it the next \
                                    day.
                                    """),
                            smallWins())));

    static final Place AFTER_BREAST_CANCER = new Place(
            new NewCommunity("after-breast-cancer", "After breast cancer: life beyond treatment",
                    "For people who have finished active treatment for breast cancer: scan worries, long-term "
                            + "side effects, changed bodies, going back to work, finding a new normal. Moderators "
                            + "approve new members; you can post anonymously here.",
                    "Breast cancer, after treatment", Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, true),
            "marigold.days", "paperboats",
            List.of("rowan.tree", "quiet_harbour", "little_fern", "tidepool"),
            List.of(
                    topic(STORY, "Intimacy after treatment: I didn't expect this part",
                            by("rowan.tree", """
                                    Posting this anonymously because it feels very private, even here.

                                    Nobody really prepared me for what treatment would do to my sex life. The hormone \
                                    therapy, the scars, being tired all the time, feeling like a patient instead of a \
                                    partner. My partner has been patient and kind, and somehow that made me feel worse.

                                    What finally helped was raising it at my follow-up. I was mortified; my nurse \
                                    didn't even blink, and referred me to someone who specialises in exactly this. We \
                                    are slowly finding our way back.

                                    If this is you too: it's a real side effect, not a failing, and it's okay to ask.
                                    """).anonymously(),
                            by("marigold.days", "Thank you for being brave enough to write this. It's so rarely talked about."),
                            by("tidepool", "Me too. I've been too embarrassed to ask. Maybe at my next appointment."),
                            by("paperboats", """
                                    Thank you for using anonymous posting for this; it's exactly what it's for. A note \
                                    as moderator: please keep replies kind, and no one needs to share more than they \
                                    want to.
                                    """),
                            by("little_fern", "\"Feeling like a patient instead of a partner.\" Yes.")),
                    topic(QUESTION, "Joint pain on hormone therapy: what is daily life like for you?",
                            by("quiet_harbour", """
                                    Eight months into hormone therapy, and my hands and knees ache in the mornings as \
                                    if I were ninety. My oncologist knows and we're keeping an eye on it. In the \
                                    meantime: what has it been like for you, and what made daily life easier?
                                    """),
                            by("marigold.days", """
                                    Mornings were the worst for me too. A warm shower first thing and a slower start \
                                    helped. It eased after the first year, though I know that isn't everyone's story.
                                    """),
                            by("rowan.tree", """
                                    I joined a gentle exercise class run by a cancer charity. Moving more helped my \
                                    joints, which surprised me.
                                    """),
                            by("tidepool", """
                                    I was honest with my team about how much it bothered me, and we looked at the \
                                    options together. Everyone's different, so that's a conversation for your own team.
                                    """),
                            by("quiet_harbour", """
                                    Thank you. I'll look for a class nearby and bring it up again at my next \
                                    appointment.
                                    """)),
                    topic(DECISION, "Reconstruction, going flat, or deciding later",
                            by("little_fern", """
                                    I had a mastectomy last year and chose to wait on reconstruction. My surgeon says \
                                    the door is still open, and now I have to actually decide.

                                    **The options I'm weighing:**

                                    - Reconstruction (my team has explained the kinds and what recovery involves)
                                    - Staying flat, maybe with a prosthesis for some clothes
                                    - Not deciding yet, again

                                    I'd love to hear how you chose, and how you feel about it now.
                                    """),
                            by("marigold.days", """
                                    I went flat and have never looked back. It took a while to feel at home in my body, \
                                    but I'm there now.
                                    """),
                            by("quiet_harbour", """
                                    Delayed reconstruction, two years after, and I'm glad I waited until I was ready \
                                    for another operation emotionally. Recovery took longer than I'd pictured, so plan \
                                    for help at home.
                                    """),
                            by("rowan.tree", """
                                    I have a prosthesis I wear about half the time. Not deciding is also a decision, \
                                    and a perfectly good one.
                                    """),
                            by("paperboats", """
                                    What helped me: asking the team to show me photos of results from their own \
                                    clinic, not from the internet.
                                    """),
                            by("little_fern", """
                                    Thank you. Hearing from all three "sides" is exactly what I hoped for.
                                    """)),
                    topic(DISCUSSION, "Back at work after treatment: the things no one warns you about",
                            by("paperboats", """
                                    Nine months back at work now. Everyone expected me to be "back to normal" because I \
                                    looked well. What nobody warned me about: the tiredness, losing words mid-sentence, \
                                    and colleagues who either never mention it or mention it all the time.

                                    What surprised you about going back?
                                    """),
                            by("marigold.days", """
                                    The colleague who brought me cake on my first day and never mentioned it again was \
                                    my favourite person.
                                    """),
                            by("little_fern", "The lost words. I keep a notebook on my desk now."),
                            by("tidepool", "I went back part-time and felt guilty for months. I shouldn't have."),
                            by("quiet_harbour", """
                                    Being asked "so are you all clear now?" in the office kitchen. I never know what to \
                                    say.
                                    """),
                            by("paperboats", """
                                    @quiet_harbour I've started saying "I'm doing well, thanks" and changing the \
                                    subject. It's enough.
                                    """)),
                    topic(DISCUSSION, "Scan anxiety: how do you get through the week before?",
                            by("tidepool", """
                                    My first yearly mammogram since finishing treatment is in ten days and I'm barely \
                                    sleeping. Every ache is "it's back". I know the scan is there to keep an eye on \
                                    things, but logic doesn't get a say at 3 a.m.

                                    How do you get through the waiting?
                                    """).warned("fear of the cancer coming back"),
                            by("marigold.days", """
                                    Four years on and it still happens, though the week has shrunk to a couple of days. \
                                    I book something nice for the afternoon after, whatever the result. Something to \
                                    walk towards.
                                    """),
                            by("rowan.tree", """
                                    I tell two people the date and ask them to text me on the day. Not to talk about \
                                    it, just to be there.
                                    """),
                            by("paperboats", """
                                    My breast care nurse told me "scanxiety" is so common they expect it. Ringing her \
                                    the week before has become part of my routine.
                                    """),
                            by("little_fern", "I draw in the waiting room. Terrible drawings. It keeps my hands busy."),
                            by("tidepool", """
                                    Something to walk towards: yes. I've booked a swim and a slice of cake for the \
                                    afternoon after.
                                    """),
                            by("tidepool", "Update: all clear. Cake eaten. Thank you for the company this week."))));

    /** The communities, in the order they are made. */
    static final List<Place> PLACES = List.of(TYPE_1_DIABETES, MULTIPLE_SCLEROSIS, LONG_COVID, AFTER_BREAST_CANCER);

    /** Every fictional member, in the order they first appear. */
    static List<String> handles() {
        var all = new LinkedHashSet<String>();
        PLACES.forEach(place -> all.addAll(place.everyone()));
        return List.copyOf(all);
    }

    /** Thirty short replies: long enough that the topic runs over two pages. */
    private static List<Post> smallWins() {
        String[][] wins = {
            {"fogwalker", "Read three chapters of a book without losing the thread. First time since March."},
            {"little_fern", "Said no to a family lunch I knew would wipe me out, and nobody was cross."},
            {"pacing_pilot", "Stayed inside my limits all day, even with a trip to the shops."},
            {"kettle_on", "Made soup. Sat on a stool to chop the vegetables. Felt like a genius."},
            {"seaglass", "Two nights of proper sleep in a row."},
            {"cloudberry", "Went back to choir for the first half only. Sang one song, left at the break, no regrets."},
            {"slowtortoise", "My GP listened, and referred me to the long COVID clinic."},
            {"lantern_keeper", "Walked to the end of the road and back. Last month it was the gate."},
            {"nightowl_knits", "Finished a row of knitting. The fog lifted enough to count stitches."},
            {"fogwalker", "Remembered a friend's birthday without a reminder. Tiny, but my brain came back for a minute."},
            {"spoonsaver", "Rested *before* I crashed instead of after. Learning!"},
            {"little_fern", "Wrote to my manager about a phased return and didn't rewrite it ten times."},
            {"pacing_pilot", "Watched a whole film. With a nap in the middle, but still."},
            {"kettle_on", "Asked for a shower stool at my assessment. Should have done it months ago."},
            {"seaglass", "A friend drove me to the seaside and I sat on a bench for an hour. Bliss."},
            {"cloudberry", "Used my blue badge without feeling guilty about it."},
            {"slowtortoise", "Found a quiet café with proper chairs near the clinic. My new reward spot."},
            {"lantern_keeper", "Explained pacing to my brother, and he actually got it."},
            {"nightowl_knits", "Didn't look at my phone first thing. Mornings are gentler."},
            {"fogwalker", "Got a letter for work from the clinic. Paperwork, but it means they believe me."},
            {"little_fern", "Laughed until I cried on a video call. Worth the rest afterwards."},
            {"spoonsaver", "Did the ten minutes of gentle stretching my physio suggested, three days running."},
            {"pacing_pilot", "Cooked a meal in stages across the afternoon. Stages are everything."},
            {"kettle_on", "My partner took over the bins for good. I'm calling it a win."},
            {"seaglass", "Listened to a whole podcast episode and remembered what it was about."},
            {"cloudberry", "Cancelled plans the kind way: early, and without an apology spiral."},
            {"slowtortoise", "Noticed the blossom on the way to the pharmacy."},
            {"lantern_keeper", "Six months since I joined here. Thank you all for the company."},
            {"fogwalker", "Replied to this thread on a foggy day. That counts."},
            {"little_fern", "Read every reply here and felt less alone. Keep them coming."},
        };
        var replies = new ArrayList<Post>(wins.length);
        for (String[] win : wins) {
            replies.add(by(win[0], win[1]));
        }
        return List.copyOf(replies);
    }

    private static Topic topic(TopicKind kind, String title, Post opening, Post... replies) {
        return new Topic(kind, title, opening, List.of(replies));
    }

    private static Post by(String author, String body) {
        return new Post(author, body.strip(), null, false);
    }
}
